#![no_main]
// The date tagger alone; see annals::fuzzing::timex.
libfuzzer_sys::fuzz_target!(|data: &[u8]| annals::fuzzing::timex(data));
