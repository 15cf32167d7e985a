"""Addresses and places where a child can be found: UK postcodes, house numbers and streets,
flats and named houses, addresses abroad (`abroad`), homes named by a street, area or landmark
(`homes`, `areas`), and the place lexicons they share (`data`, `words`)."""

from .detector import AddressDetector, is_uk_postcode

__all__ = ["AddressDetector", "is_uk_postcode"]
