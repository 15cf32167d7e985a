"""The image pipeline: decode once, OCR, QR codes, metadata, faces, and redaction.

Modules: `load` (decoding, orientation, pixel limits, the analysis copy), `ocr` (tesseract
words as a text with offsets and boxes), `qr` (pyzbar), `metadata` (EXIF/XMP/IPTC GPS and
place fields, free-text fields, the EXIF thumbnail), `faces` (CenterFace through OpenCV's DNN
module, extra `faces`), `cache` (one decode and one OCR per image per post), `redact`
(covered, stripped copies). The detectors that use them live in `postguard.detectors.images`.

Photo consent: the post's metadata key `consent` is `true` (every attached photo has recorded
parental consent) or a list of image indexes (0-based) and/or file names with consent.
Nothing heavy is imported here: OpenCV, tesserocr and pillow-heif load on first use.
"""
