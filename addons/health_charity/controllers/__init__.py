from . import verify
from . import portal
from . import ngo_portal
