from . import test_national_id
from . import test_registry
from . import test_contribution
from . import test_tier_validation
from . import test_accounting
from . import test_multi_company
