from . import (
    test_accounting,
    test_contribution,
    test_multi_company,
    test_national_id,
    test_registry,
    test_tier_validation,
)
