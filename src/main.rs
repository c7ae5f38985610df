//! The binary: kh's command line, and the process policy that belongs to
//! a program rather than a library — how the allocator is tuned.

fn main() -> std::process::ExitCode {
    kh::main(kh::Memory {
        arena_per_worker,
        give_back,
    })
}

/// One malloc arena per worker, no more. glibc opens up to eight arenas a
/// core as threads contend and keeps what each freed, scattered, so that
/// the resident size of a long import grew with the number of sources
/// (measured at 20,001 forms: 107-155 MB resident for a live heap of 5.5 MB
/// under massif). One arena for all kept memory flat but made the workers
/// queue on its lock (118,000 futex calls, import 1.2x slower than export);
/// one per worker keeps both (16 MB, 4,200 futex calls, on two cores). Set
/// before the first worker starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn arena_per_worker() {
    // What rayon will start (it reads the same), without starting it.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(64));
    let workers = i32::try_from(workers).unwrap_or(1);
    // SAFETY: mallopt takes two integers and changes only how later
    // allocations are placed; no pointer is involved.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, workers);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn arena_per_worker() {}

/// Hands the memory the last batches freed back to the system. What one
/// thread allocates (a source read) another frees (once it is written):
/// glibc's arenas keep those pages, scattered, and a long run held 60–210
/// MB for a live heap of a few MB. Called every 4 batches (256 sources),
/// it costs little.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn give_back() {
    // SAFETY: malloc_trim takes an integer and only returns free memory.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn give_back() {}
