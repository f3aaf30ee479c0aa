from . import verify
from . import ngo_portal
from . import portal
