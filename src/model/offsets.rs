//! Offset maps: how a derived text (decoded, cleaned) points back to the
//! bytes it came from. This is what keeps the provenance contract.

use std::ops::Range;

/// One run of the derived text. When `out_len == src_len` the run maps byte
/// for byte; otherwise the whole output run stands for the whole source run
/// (an entity `&amp;`, a repaired character, a dropped tag's newline).
/// Held in 32 bits (ingest reads no file over 1 GiB): a large corpus has
/// tens of millions of pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Piece {
    out: u32,
    src: u32,
    out_len: u32,
    src_len: u32,
}

impl Piece {
    fn linear(&self) -> bool {
        self.out_len == self.src_len
    }

    fn out(&self) -> usize {
        self.out as usize
    }

    fn src(&self) -> usize {
        self.src as usize
    }

    fn out_end(&self) -> usize {
        self.out() + self.out_len as usize
    }

    fn src_end(&self) -> usize {
        self.src() + self.src_len as usize
    }
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).expect("texts are under 4 GiB (ingest reads no file over 1 GiB)")
}

/// A monotonic map from byte offsets of a derived text to byte offsets of
/// its source. Both sides only grow, so lookups are binary searches.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    out_len: usize,
}

impl OffsetMap {
    /// The identity over `len` bytes shifted by `src_offset` (a stripped BOM).
    pub fn identity(len: usize, src_offset: usize) -> Self {
        let mut map = OffsetMap::default();
        map.push(src_offset..src_offset + len, len);
        map
    }

    /// Records that the next `out_len` output bytes come from `src`.
    /// Equal lengths map byte for byte; unequal ones map as a block.
    pub fn push(&mut self, src: Range<usize>, out_len: usize) {
        if out_len == 0 {
            return;
        }
        let piece = Piece {
            out: narrow(self.out_len),
            src: narrow(src.start),
            out_len: narrow(out_len),
            src_len: narrow(src.len()),
        };
        self.out_len += out_len;
        if let Some(last) = self.pieces.last_mut() {
            let contiguous = last.src_end() == piece.src();
            if last.linear() && piece.linear() && contiguous {
                last.out_len += piece.out_len;
                last.src_len += piece.out_len;
                return;
            }
        }
        self.pieces.push(piece);
    }

    pub fn out_len(&self) -> usize {
        self.out_len
    }

    /// Its pieces in order: each output range and the source range it
    /// stands for (of the same length where it maps byte for byte).
    pub fn pieces(&self) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
        self.pieces.iter().map(|p| (p.out()..p.out_end(), p.src()..p.src_end()))
    }

    /// Gives back the room a growing map kept in reserve: a corpus keeps thousands.
    pub fn shrink_to_fit(&mut self) {
        self.pieces.shrink_to_fit();
    }

    fn piece_at(&self, out: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.out_end() <= out);
        self.pieces.get(i)
    }

    /// Source offset where the output byte `out` starts.
    pub fn start(&self, out: usize) -> usize {
        match self.piece_at(out) {
            Some(p) if p.linear() => p.src() + (out - p.out()),
            Some(p) => p.src(),
            None => self.pieces.last().map_or(0, |p| p.src_end()),
        }
    }

    /// Source offset where output ending at `out` (exclusive) ends.
    pub fn end(&self, out: usize) -> usize {
        if out == 0 {
            return self.pieces.first().map_or(0, |p| p.src());
        }
        match self.piece_at(out - 1) {
            Some(p) if p.linear() => p.src() + (out - p.out()),
            Some(p) => p.src_end(),
            None => self.pieces.last().map_or(0, |p| p.src_end()),
        }
    }

    pub fn range(&self, out: Range<usize>) -> Range<usize> {
        if out.is_empty() {
            let at = self.start(out.start);
            return at..at;
        }
        self.start(out.start)..self.end(out.end)
    }

    /// The output offset of the first output byte at or after source offset
    /// `src` (the inverse direction, for spans given in source bytes).
    pub fn out_start(&self, src: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.src_end() <= src);
        match self.pieces.get(i) {
            Some(p) if p.linear() && src >= p.src() => p.out() + (src - p.src()),
            Some(p) => p.out(),
            None => self.out_len,
        }
    }

    /// The output offset just past the last output byte that ends at or
    /// before source offset `src`.
    pub fn out_end(&self, src: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.src_end() <= src);
        match self.pieces.get(i) {
            Some(p) if p.linear() && src > p.src() => p.out() + (src - p.src()),
            Some(p) => p.out(),
            None => self.out_len,
        }
    }
}

/// Two maps applied one after the other: clean → decoded → raw.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct ChainedMap {
    /// Applied first (outermost text to its source).
    pub outer: OffsetMap,
    /// Applied second; `None` when the source was already UTF-8 as stored.
    pub inner: Option<OffsetMap>,
}

impl ChainedMap {
    pub fn range(&self, out: Range<usize>) -> Range<usize> {
        let mid = self.outer.range(out);
        match &self.inner {
            Some(inner) => inner.range(mid),
            None => mid,
        }
    }

    /// Raw byte range to the clean range it covers.
    pub fn clean_range(&self, raw: Range<usize>) -> Range<usize> {
        let (s, e) = match &self.inner {
            Some(inner) => (inner.out_start(raw.start), inner.out_end(raw.end)),
            None => (raw.start, raw.end),
        };
        let start = self.outer.out_start(s);
        start..self.outer.out_end(e).max(start)
    }

    /// The largest part of `clean` whose ends fall inside no piece that
    /// maps as a block (a table's ` · ` stands for its pipe whole), so that
    /// its raw bytes clean to it; a range inside one such piece gets it whole.
    pub fn closed_within(&self, clean: Range<usize>) -> Range<usize> {
        let closure = self.clean_range(self.range(clean.clone()));
        if clean.is_empty() || closure == clean {
            return clean;
        }
        // The clean bytes that the raw bytes of one clean byte clean to.
        let piece = |byte: usize| self.clean_range(self.range(byte..byte + 1));
        let first = piece(clean.start);
        let start = if first.start < clean.start { first.end } else { clean.start };
        let last = piece(clean.end - 1);
        let end = if last.end > clean.end { last.start } else { clean.end };
        if start < end {
            start..end
        } else {
            closure
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_and_block_pieces() {
        // raw: "a&amp;b<i>c</i>" -> clean: "a&bc"
        let mut m = OffsetMap::default();
        m.push(0..1, 1); // a
        m.push(1..6, 1); // &amp; -> &
        m.push(6..7, 1); // b
        m.push(10..11, 1); // c
        assert_eq!(m.range(0..4), 0..11);
        assert_eq!(m.range(1..2), 1..6);
        assert_eq!(m.range(3..4), 10..11);
        assert_eq!(m.out_start(10), 3);
        assert_eq!(m.out_end(11), 4);
        assert_eq!(m.out_start(7), 3, "a dropped tag maps to what follows");
    }

    #[test]
    fn closed_ranges_end_on_whole_pieces() {
        // raw: "a||b" -> clean: "a · b" (the first pipe a block, the second dropped)
        let mut outer = OffsetMap::default();
        outer.push(0..1, 1); // a
        outer.push(1..2, " · ".len()); // | -> ` · `
        outer.push(3..4, 1); // b
        let map = ChainedMap { outer, inner: None };
        let text = "a · b";
        assert_eq!(&text[map.closed_within(0..4)], "a", "`a ·` ends inside the block");
        assert_eq!(&text[map.closed_within(3..text.len())], "b");
        assert_eq!(map.closed_within(0..text.len()), 0..text.len());
        assert_eq!(map.closed_within(2..4), 1..5, "inside one block: the block");
    }

    #[test]
    fn contiguous_copies_merge() {
        let mut m = OffsetMap::default();
        m.push(0..3, 3);
        m.push(3..5, 2);
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.range(1..5), 1..5);
    }
}
