import pytest


@pytest.fixture(scope="session")
def extractor():
    from newsclaims.extract import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def claims_of(extractor):
    """Claims (JSON dicts) of a text, cached per text."""
    cache: dict[str, list[dict]] = {}

    def run(text: str) -> list[dict]:
        if text not in cache:
            cache[text] = extractor.extract_text(text, "test.txt")["claims"]
        return cache[text]
    return run
