//! The whole pipeline (decode, clean, sentences, dates, entities, claims,
//! events) on the bundled corpus and on a 50 MB synthetic corpus.
//! `cargo bench --bench pipeline`; throughput is reported in MB/s.

use annals::ingest;
use annals::pipeline::Pipeline;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;

fn pipeline(c: &mut Criterion) {
    let pipeline = Pipeline::bundled();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10).measurement_time(Duration::from_secs(20));

    let seeds = ingest::bundled_inputs();
    let bytes: usize = seeds.iter().map(|i| i.bytes.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("bundled", |b| b.iter(|| pipeline.build("bundled", seeds.clone(), Vec::new())));

    let megabytes: usize = std::env::var("ANNALS_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let synthetic = annals::synth::corpus(megabytes << 20, 40_000, 42);
    let bytes: usize = synthetic.iter().map(|i| i.bytes.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10).measurement_time(Duration::from_secs(60));
    group.bench_function(format!("synthetic_{megabytes}MB"), |b| {
        b.iter(|| pipeline.build("synthetic", synthetic.clone(), Vec::new()))
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
