from . import hc_report_helpers
from . import hc_contribution_receipt
from . import res_partner_statement
