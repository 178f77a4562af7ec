//! The whole pipeline (read, decode, clean, sentences, dates, entities,
//! claims, events) on the bundled corpus and on a synthetic corpus (10 MB
//! unless `ANNALS_BENCH_MB` says otherwise), on one core and on all.
//! `cargo bench --bench pipeline`; throughput is reported in MB/s. Larger
//! corpora: `benches/scale.sh`.

use annals::ingest::{self, Input};
use annals::pipeline::Pipeline;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

fn pipeline(c: &mut Criterion) {
    let pipeline = Pipeline::bundled();
    let megabytes: usize = std::env::var("ANNALS_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let corpora: [(String, Vec<Input>); 2] = [
        ("bundled".into(), ingest::bundled_inputs()),
        (format!("synthetic_{megabytes}MB"), annals::synth::corpus(megabytes << 20, 20_000, 1)),
    ];
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    for (name, inputs) in &corpora {
        let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
            let id = BenchmarkId::new(format!("{threads}_core"), name);
            group.bench_function(id, |b| b.iter(|| pool.install(|| pipeline.build(name, inputs.clone(), Vec::new()))));
        }
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
