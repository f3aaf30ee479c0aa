from . import test_jalali
from . import test_consolidation
from . import test_ministry_xlsx
from . import test_analysis
from . import test_certificate
from . import test_registry_xlsx
from . import test_tours
from . import test_security_reports
