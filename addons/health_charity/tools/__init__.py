from . import jalali, national_id
