#![no_main]
// A folder's annals.toml and the user's config; see annals::fuzzing::corpus_file.
libfuzzer_sys::fuzz_target!(|data: &[u8]| annals::fuzzing::corpus_file(data));
