//! The browser app's memory allocator: power-of-two size classes with one free list each, on
//! top of pages from `memory.grow`.
//!
//! Why not the standard library's (dlmalloc): it is about 7 KB of wasm code (3.3 KB of the
//! gzipped download); this one is under 1 KB. The app makes small, short-lived allocations
//! (strings and vectors rebuilt on each keystroke) and a few large ones (rendered files), for
//! which a size-class allocator is simple, constant-time and keeps memory flat: a freed block
//! goes back to its class's list and the next request of that class reuses it, so a repeated
//! workload reaches a fixed footprint and stays there (`tests::memory_stays_flat_over_many_edits`
//! here, and the test of that name in `tests/web.rs` for the app in a browser). The price is
//! rounding up to a power of two: the browser benchmark's memory after 1000 edits is 1.5 MB,
//! against about 1.4 MB with dlmalloc.
//!
//! How: a request takes the class of `max(size, align, 8)` rounded up to a power of two. A class
//! with a free block pops it; otherwise a fresh block is cut from the current region, aligned to
//! its own size (at most a page), so every block is aligned for any request of its class. The
//! gap that aligning skips, and the unused end of a region when new pages do not follow it, are
//! cut into aligned power-of-two blocks and put on their lists, so nothing is lost for good.
//! Memory is never given back to the browser (wasm cannot shrink memory anyway).
//!
//! The logic is [`Heap`], over any [`Pages`] source, so the tests run it natively on pages from
//! the standard allocator; the wasm build installs it as the global allocator over `memory.grow`.
//! The only `unsafe` code of the crate is here: reading and writing the free-list links inside
//! free blocks, and the `GlobalAlloc` contract.
#![allow(unsafe_code)]

use std::alloc::Layout;

/// A wasm page, the unit `memory.grow` hands out; also the most a block is aligned to.
pub const PAGE: usize = 64 * 1024;

/// The smallest block: room for a free-list link on any target.
const MIN_BLOCK: usize = 8;

/// Where fresh memory comes from.
pub trait Pages {
    /// `count` more pages, contiguous and aligned to [`PAGE`]: the address of the first, or
    /// `None` when there is no more memory.
    fn grow(&mut self, count: usize) -> Option<usize>;
}

/// Size-class free lists over regions of pages. Addresses are plain integers; `0` is "none".
pub struct Heap<P> {
    /// The first free block of each class (class `c` holds blocks of `1 << c` bytes).
    free: [usize; usize::BITS as usize],
    /// Where the current region's unused part starts, and where the region ends.
    next: usize,
    end: usize,
    pages: P,
}

/// The class of a request: the exponent of its block size, or `None` if none is large enough.
fn class_of(size: usize, align: usize) -> Option<usize> {
    let size = size.max(align).max(MIN_BLOCK);
    let class = (usize::BITS - (size - 1).leading_zeros()) as usize;
    (class < usize::BITS as usize).then_some(class)
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Heap {
            free: [0; usize::BITS as usize],
            next: 0,
            end: 0,
            pages,
        }
    }

    /// The pages source (tests read how much memory was taken).
    pub fn pages(&self) -> &P {
        &self.pages
    }

    /// A block for `layout`, or `0` when memory is exhausted or `layout` cannot be served (an
    /// alignment above [`PAGE`]).
    ///
    /// # Safety
    /// Every block on the free lists must be memory this heap owns (true as long as only
    /// blocks it handed out are given back, with the layout they were asked for).
    pub unsafe fn alloc(&mut self, layout: Layout) -> usize {
        let Some(class) = class_of(layout.size(), layout.align()) else {
            return 0;
        };
        if layout.align() > PAGE {
            return 0;
        }
        let head = self.free[class];
        if head != 0 {
            // SAFETY: `head` is a free block of this heap, at least `MIN_BLOCK` bytes and
            // aligned to them; its first word is the link to the next free block.
            self.free[class] = unsafe { (head as *const usize).read() };
            return head;
        }
        self.fresh(1 << class)
    }

    /// Give back a block that [`Heap::alloc`] returned for `layout`.
    ///
    /// # Safety
    /// `block` came from this heap's `alloc` (or `realloc`) with this `layout`, and is not used
    /// after this call.
    pub unsafe fn dealloc(&mut self, block: usize, layout: Layout) {
        if let Some(class) = class_of(layout.size(), layout.align()) {
            // SAFETY: the caller gives the block up, so its first word can hold the link.
            unsafe { self.push(block, class) };
        }
    }

    /// Resize a block: the same block while the class stays the same, else a new one with the
    /// contents copied (the old one is freed); `0` (and the old block kept) on failure.
    ///
    /// # Safety
    /// As for [`Heap::dealloc`]; `new_size` is not zero.
    pub unsafe fn realloc(&mut self, block: usize, layout: Layout, new_size: usize) -> usize {
        if class_of(layout.size(), layout.align()) == class_of(new_size, layout.align()) {
            return block;
        }
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return 0;
        };
        // SAFETY: as documented for each call; the two blocks are both live, so distinct.
        unsafe {
            let new = self.alloc(new_layout);
            if new != 0 {
                std::ptr::copy_nonoverlapping(block as *const u8, new as *mut u8, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            new
        }
    }

    /// Put a block on its class's list.
    ///
    /// # Safety
    /// `block` is `1 << class` bytes of memory this heap owns, aligned to its size, and unused.
    unsafe fn push(&mut self, block: usize, class: usize) {
        // SAFETY: see above; the block has room for a link and is aligned for one.
        unsafe { (block as *mut usize).write(self.free[class]) };
        self.free[class] = block;
    }

    /// A block of `size` bytes (a power of two) cut from the current region, which grows (or
    /// is replaced) when it is too small; `0` when no more pages can be had.
    fn fresh(&mut self, size: usize) -> usize {
        let align = size.min(PAGE);
        loop {
            let start = (self.next + align - 1) & !(align - 1);
            if let Some(stop) = start.checked_add(size).filter(|&stop| stop <= self.end) {
                self.recycle(self.next, start);
                self.next = stop;
                return start;
            }
            // The region ends on a page boundary, so once `count` pages follow it, a block of
            // `size` bytes fits after `next` (aligned to at most a page).
            let count = size.div_ceil(PAGE);
            let Some(base) = self.pages.grow(count) else {
                return 0;
            };
            if base != self.end {
                // Not contiguous: keep the rest of the old region as free blocks.
                self.recycle(self.next, self.end);
                self.next = base;
            }
            self.end = base + count * PAGE;
        }
    }

    /// Put `from..to` on the free lists, as the largest aligned power-of-two blocks that tile
    /// it. `from` and `to` are multiples of `MIN_BLOCK`.
    fn recycle(&mut self, mut from: usize, to: usize) {
        while from < to {
            let mut size = from & from.wrapping_neg();
            while size > to - from {
                size /= 2;
            }
            // SAFETY: `from..from + size` is unused memory of the current region (below `to`,
            // at or after `next`), aligned to `size` (a power of two that divides `from`).
            unsafe { self.push(from, size.trailing_zeros() as usize) };
            from += size;
        }
    }
}

/// [`Heap`] as the global allocator of the wasm build: pages from `memory.grow`.
#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::alloc::GlobalAlloc;
    use std::cell::UnsafeCell;

    use super::*;

    /// `memory.grow` on the module's memory.
    pub struct MemoryGrow;

    impl Pages for MemoryGrow {
        fn grow(&mut self, count: usize) -> Option<usize> {
            let before = core::arch::wasm32::memory_grow(0, count);
            (before != usize::MAX).then(|| before * PAGE)
        }
    }

    pub struct Global(UnsafeCell<Heap<MemoryGrow>>);

    // SAFETY: the wasm build has one thread (no `atomics` target feature, checked below), so
    // the heap is never used from two threads at once.
    unsafe impl Sync for Global {}

    #[cfg(target_feature = "atomics")]
    compile_error!("nixform's heap is single-threaded: build without the `atomics` feature");

    // SAFETY: `Heap` returns blocks of at least the size and alignment asked for, distinct
    // while live, or null; it never unwinds. The app is single-threaded and the allocator does
    // not allocate, so no call re-enters another.
    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            unsafe { (*self.0.get()).alloc(layout) as *mut u8 }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { (*self.0.get()).dealloc(ptr as usize, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            unsafe { (*self.0.get()).realloc(ptr as usize, layout, new_size) as *mut u8 }
        }
    }

    #[global_allocator]
    static GLOBAL: Global = Global(UnsafeCell::new(Heap::new(MemoryGrow)));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pages from the standard allocator: one arena, handed out in order (so regions are
    /// contiguous), except that `skip` leaves a page out now and then to test the other case.
    struct Arena {
        base: *mut u8,
        pages: usize,
        used: usize,
        skip_every: usize,
        grows: usize,
    }

    impl Arena {
        fn new(pages: usize, skip_every: usize) -> Arena {
            let layout = Layout::from_size_align(pages * PAGE, PAGE).expect("arena layout");
            // SAFETY: the layout has a non-zero size.
            let base = unsafe { std::alloc::alloc(layout) };
            assert!(!base.is_null());
            Arena {
                base,
                pages,
                used: 0,
                skip_every,
                grows: 0,
            }
        }
    }

    impl Drop for Arena {
        fn drop(&mut self) {
            let layout = Layout::from_size_align(self.pages * PAGE, PAGE).expect("arena layout");
            // SAFETY: allocated in `new` with this layout.
            unsafe { std::alloc::dealloc(self.base, layout) };
        }
    }

    impl Pages for Arena {
        fn grow(&mut self, count: usize) -> Option<usize> {
            self.grows += 1;
            if self.skip_every > 0 && self.grows % self.skip_every == 0 {
                self.used += 1;
            }
            if self.used + count > self.pages {
                return None;
            }
            let at = self.base as usize + self.used * PAGE;
            self.used += count;
            Some(at)
        }
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).expect("a valid layout")
    }

    /// A live block: where, its layout, and the byte it was filled with.
    struct Live {
        at: usize,
        layout: Layout,
        fill: u8,
    }

    fn fill(live: &Live) {
        // SAFETY: the block is live and at least `layout.size()` bytes.
        unsafe { std::ptr::write_bytes(live.at as *mut u8, live.fill, live.layout.size()) };
    }

    fn check(live: &Live) {
        // SAFETY: as in `fill`.
        let bytes = unsafe { std::slice::from_raw_parts(live.at as *const u8, live.layout.size()) };
        assert!(
            bytes.iter().all(|&b| b == live.fill),
            "block at {:#x} was overwritten",
            live.at
        );
    }

    #[derive(Clone, Debug)]
    enum Op {
        Alloc { size: usize, align_log: u32 },
        Free(usize),
        Realloc(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (prop_oneof![1usize..64, 1usize..5000, 1usize..200_000], 0u32..5)
                .prop_map(|(size, align_log)| Op::Alloc { size, align_log }),
            any::<usize>().prop_map(Op::Free),
            (any::<usize>(), prop_oneof![1usize..64, 1usize..100_000]).prop_map(|(i, n)| Op::Realloc(i, n)),
        ]
    }

    proptest! {
        /// Blocks are aligned, never overlap (each keeps the bytes written to it while others
        /// are allocated, freed and resized), and a resize keeps the contents.
        #[test]
        fn blocks_are_aligned_distinct_and_keep_their_contents(
            ops in prop::collection::vec(op(), 1..300),
            skip_every in 0usize..4,
        ) {
            let mut heap = Heap::new(Arena::new(512, skip_every));
            let mut live: Vec<Live> = Vec::new();
            for (n, op) in ops.into_iter().enumerate() {
                let fill_byte = (n % 251) as u8 + 1;
                match op {
                    Op::Alloc { size, align_log } => {
                        let layout = layout(size, 1 << align_log);
                        // SAFETY: only this heap's blocks are given back, with their layouts.
                        let at = unsafe { heap.alloc(layout) };
                        prop_assert!(at != 0);
                        prop_assert_eq!(at % layout.align(), 0);
                        let block = Live { at, layout, fill: fill_byte };
                        fill(&block);
                        live.push(block);
                    }
                    Op::Free(i) if !live.is_empty() => {
                        let block = live.swap_remove(i % live.len());
                        check(&block);
                        // SAFETY: a live block of this heap, with its layout.
                        unsafe { heap.dealloc(block.at, block.layout) };
                    }
                    Op::Realloc(i, size) if !live.is_empty() => {
                        let i = i % live.len();
                        check(&live[i]);
                        let old = &live[i];
                        // SAFETY: a live block of this heap, with its layout.
                        let at = unsafe { heap.realloc(old.at, old.layout, size) };
                        prop_assert!(at != 0);
                        let kept = old.layout.size().min(size);
                        // SAFETY: the new block holds at least `kept` bytes.
                        let bytes = unsafe { std::slice::from_raw_parts(at as *const u8, kept) };
                        prop_assert!(bytes.iter().all(|&b| b == old.fill), "resize lost the contents");
                        let block = Live { at, layout: layout(size, old.layout.align()), fill: fill_byte };
                        fill(&block);
                        live[i] = block;
                    }
                    _ => {}
                }
            }
            for block in &live {
                check(block);
            }
        }
    }

    #[test]
    fn memory_stays_flat_over_many_edits() {
        let mut heap = Heap::new(Arena::new(256, 0));
        let mut document: Vec<(usize, Layout)> = Vec::new();
        let mut used_after = Vec::new();
        for edit in 0..5000usize {
            // A keystroke: build strings of varying sizes (a rendered file, field values,
            // messages), drop the previous document's, keep the new ones.
            let mut next = Vec::new();
            for part in 0..40 {
                let size = 1 + (edit * 7 + part * 131) % 3000 + if part == 0 { 40_000 } else { 0 };
                let layout = layout(size, 1 << (part % 4));
                // SAFETY: only this heap's blocks are given back, with their layouts.
                let at = unsafe { heap.alloc(layout) };
                assert_ne!(at, 0);
                next.push((at, layout));
            }
            for (at, layout) in document.drain(..) {
                // SAFETY: a live block of this heap, with its layout.
                unsafe { heap.dealloc(at, layout) };
            }
            document = next;
            if edit % 1000 == 999 {
                used_after.push(heap.pages().used);
            }
        }
        assert!(
            used_after.windows(2).all(|w| w[0] == w[1]),
            "memory grew: {used_after:?} pages"
        );
    }

    #[test]
    fn the_gap_before_an_aligned_block_is_reused() {
        let mut heap = Heap::new(Arena::new(4, 0));
        // SAFETY (for the whole test): only this heap's blocks are given back, with their layouts.
        unsafe {
            let small = heap.alloc(layout(8, 8));
            let big = heap.alloc(layout(4096, 8));
            assert_eq!(big % 4096, 0);
            // 8..4096 after `small` was skipped; its pieces serve the next small requests.
            let pieces: Vec<usize> = [8, 16, 32, 64, 128, 256, 512, 1024, 2048]
                .iter()
                .map(|&size| heap.alloc(layout(size, 1)))
                .collect();
            assert!(
                pieces.iter().all(|&p| small < p && p < big),
                "{pieces:x?} not between {small:x} and {big:x}"
            );
            assert_eq!(heap.pages().used, 1);
        }
    }

    #[test]
    fn freed_blocks_are_reused_and_resizes_within_a_class_stay_in_place() {
        let mut heap = Heap::new(Arena::new(4, 0));
        // SAFETY (for the whole test): only this heap's blocks are given back, with their layouts.
        unsafe {
            let a = heap.alloc(layout(100, 4));
            assert_eq!(heap.realloc(a, layout(100, 4), 128), a);
            heap.dealloc(a, layout(128, 4));
            assert_eq!(heap.alloc(layout(65, 1)), a, "same class, same block");
            let b = heap.realloc(a, layout(65, 1), 129);
            assert_ne!(b, a);
            assert_eq!(heap.alloc(layout(120, 8)), a, "the old block is free again");
        }
    }

    #[test]
    fn exhaustion_and_impossible_requests_give_null() {
        let mut heap = Heap::new(Arena::new(2, 0));
        // SAFETY (for the whole test): nothing is given back.
        unsafe {
            assert_eq!(heap.alloc(layout(3 * PAGE, 8)), 0, "more than the arena");
            assert_eq!(heap.alloc(layout(8, 2 * PAGE)), 0, "aligned above a page");
            assert_ne!(heap.alloc(layout(PAGE, 8)), 0);
            let last = heap.alloc(layout(PAGE, 8));
            assert_ne!(last, 0);
            assert_eq!(heap.alloc(layout(8, 8)), 0, "the arena is used up");
            assert_eq!(heap.realloc(last, layout(PAGE, 8), PAGE + 1), 0, "no room to grow into");
        }
        assert_eq!(class_of(usize::MAX / 2 + 2, 1), None);
        assert_eq!(class_of(0, 1), Some(3));
        assert_eq!(class_of(9, 1), Some(4));
        assert_eq!(class_of(1, 64), Some(6));
    }
}
