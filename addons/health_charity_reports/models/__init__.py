from . import hc_jalali_period
from . import hc_consolidation
from . import hc_consolidation_line
from . import hc_consolidation_reopening
from . import res_company
from . import hc_contribution
from . import hc_contribution_report
from . import hc_recognition
