from . import jalali
from . import money
from . import national_id
from . import persian_words
from . import rate_limit
from . import xlsx_reader
