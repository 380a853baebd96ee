//! The memory a PNG is drawn on, made ready while the SVG is parsed.
//!
//! A 1200x800 canvas is 3.7 MiB of premultiplied RGBA. Taken from the allocator it is fresh
//! memory that the kernel faults in one 4 KiB page at a time (~940 page faults, about 1 ms on
//! the benchmark VM, then as much again to unmap at exit). On Linux the canvas is instead an
//! anonymous mapping aligned to 2 MiB and marked `MADV_HUGEPAGE`, so that where transparent huge
//! pages are on (`always` or `madvise`, the usual settings) it takes two faults of 2 MiB each;
//! elsewhere, or if the mapping fails, it is an ordinary vector. The bytes drawn do not depend on
//! which (BENCHMARKS.md, "PNG: the canvas").
//!
//! [`Canvas::start`] does the allocating and the painting white on a helper thread, so that it
//! runs while the caller parses the SVG; [`Pending::wait`] hands the canvas over.

use std::thread::JoinHandle;

/// A white, opaque canvas of premultiplied RGBA bytes.
pub struct Canvas {
    memory: Memory,
    len: usize,
}

enum Memory {
    /// An anonymous mapping and the offset of its first 2 MiB boundary.
    #[cfg(target_os = "linux")]
    Mapped(memmap2::MmapMut, usize),
    Vec(Vec<u8>),
}

/// Huge page size on x86-64 and aarch64 with 4 KiB pages.
#[cfg(target_os = "linux")]
const HUGE: usize = 2 << 20;

/// Below this the canvas is an ordinary vector (a few pages; not worth a mapping).
#[cfg(target_os = "linux")]
const SMALL: usize = 1 << 20;

impl Canvas {
    /// A white canvas of `len` bytes, allocated and painted on this thread.
    pub fn white(len: usize) -> Canvas {
        let mut canvas = Canvas {
            memory: allocate(len),
            len,
        };
        // Opaque white, premultiplied: every byte 255. This first write is what faults the
        // pages in.
        canvas.bytes_mut().fill(255);
        canvas
    }

    /// [`Canvas::white`] on a helper thread (or on this one if no thread can be started).
    pub fn start(len: usize) -> Pending {
        match std::thread::Builder::new()
            .name("canvas".into())
            .spawn(move || Canvas::white(len))
        {
            Ok(handle) => Pending::Thread(handle),
            Err(_) => Pending::Ready(Canvas::white(len)),
        }
    }

    /// The canvas's bytes.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        let len = self.len;
        match &mut self.memory {
            #[cfg(target_os = "linux")]
            Memory::Mapped(map, offset) => &mut map[*offset..*offset + len],
            Memory::Vec(v) => &mut v[..len],
        }
    }
}

/// A canvas being made ready.
pub enum Pending {
    /// On a helper thread.
    Thread(JoinHandle<Canvas>),
    /// Already made.
    Ready(Canvas),
}

impl Pending {
    /// The canvas, once ready.
    pub fn wait(self) -> anyhow::Result<Canvas> {
        match self {
            Pending::Thread(handle) => handle
                .join()
                .map_err(|_| anyhow::anyhow!("the PNG canvas could not be allocated")),
            Pending::Ready(canvas) => Ok(canvas),
        }
    }
}

#[cfg(target_os = "linux")]
fn allocate(len: usize) -> Memory {
    if len >= SMALL {
        // Whole huge pages from a 2 MiB boundary, wherever the kernel places the mapping (a
        // huge page is only used where all its 2 MiB lie inside the mapping); the slack is
        // address space only.
        let mapped = len
            .checked_next_multiple_of(HUGE)
            .and_then(|n| n.checked_add(HUGE))
            .and_then(|n| memmap2::MmapMut::map_anon(n).ok());
        if let Some(map) = mapped {
            let offset = (HUGE - map.as_ptr() as usize % HUGE) % HUGE;
            // Advice only: without huge pages the mapping works with small ones.
            let _ = map.advise(memmap2::Advice::HugePage);
            return Memory::Mapped(map, offset);
        }
    }
    Memory::Vec(vec![0; len])
}

#[cfg(not(target_os = "linux"))]
fn allocate(len: usize) -> Memory {
    Memory::Vec(vec![0; len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_canvas_is_white_and_of_its_length() {
        for len in [4, 4 * 1200 * 800, 4 * 2400 * 1600 + 4] {
            let mut canvas = Canvas::start(len).wait().expect("canvas");
            let bytes = canvas.bytes_mut();
            assert_eq!(bytes.len(), len);
            assert!(bytes.iter().all(|&b| b == 255));
        }
    }
}
