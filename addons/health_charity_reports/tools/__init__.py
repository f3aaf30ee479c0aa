from . import national_package
