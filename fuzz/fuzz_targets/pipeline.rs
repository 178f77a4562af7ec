#![no_main]
// Bytes → source → claims → events; see annals::fuzzing::pipeline.
libfuzzer_sys::fuzz_target!(|data: &[u8]| annals::fuzzing::pipeline(data));
