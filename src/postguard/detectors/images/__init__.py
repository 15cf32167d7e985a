"""The detectors that read a post's photos: text in the photo (OCR through the text
detectors), QR codes and barcodes, places in the photo's metadata, and faces without consent.
The image pipeline itself (decoding, OCR, redaction) is the package `postguard.images`."""

from .detectors import (
    FaceDetector,
    ImageDetector,
    ImageMetadataDetector,
    ImageTextDetector,
    QrCodeDetector,
    consented,
    street_signs,
)

__all__ = ["FaceDetector", "ImageDetector", "ImageMetadataDetector", "ImageTextDetector",
           "QrCodeDetector", "consented", "street_signs"]
