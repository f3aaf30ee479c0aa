from . import hc_donor_statement
