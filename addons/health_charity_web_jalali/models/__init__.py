from . import base
from . import ir_http
from . import res_lang
from . import res_users
