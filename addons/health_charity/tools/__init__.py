from . import jalali
from . import national_id
