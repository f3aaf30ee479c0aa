from . import jalali_table
