from . import hc_report_xlsx_abstract
from . import ministry_valuation_xlsx
from . import contribution_xlsx
from . import organization_xlsx
from . import delegation_xlsx
from . import national_xlsx
from . import hc_recognition_certificate
