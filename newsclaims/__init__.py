"""newsclaims: who said what in Spanish news articles."""
__version__ = "0.1.0"
SCHEMA_VERSION = 1
