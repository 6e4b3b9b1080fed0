//! Any bytes as the input of `import` (see fuzz/src/lib.rs for what is checked).
#![no_main]

use giftsim::ops::Operation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| giftsim_fuzz::check(Operation::Import, data));
