from . import test_jalali_table
from . import test_jalali_server
from . import test_jalali_browser
from . import test_i18n
from . import test_native_digits
