"""Text: decoding and normalisation with an offset map, sentences, word segmentation."""
