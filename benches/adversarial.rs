//! The pipeline on one document of each adversarial shape (`synth::Shape`)
//! against one of ordinary prose, on one core: each shape should cost at
//! most twice the time per MB of prose. 10 MB unless `ANNALS_BENCH_MB`
//! says otherwise. `cargo bench --bench adversarial`; memory per shape:
//! `benches/adversarial.sh`.

use annals::pipeline::Pipeline;
use annals::synth::Shape;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::time::Duration;

fn adversarial(c: &mut Criterion) {
    let pipeline = Pipeline::bundled();
    let megabytes: usize = std::env::var("ANNALS_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let one_core = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for shape in Shape::ALL {
        let input = shape.document(megabytes << 20, 1);
        group.throughput(Throughput::Bytes(input.bytes.len() as u64));
        let id = BenchmarkId::new(shape.name(), format!("{megabytes}MB"));
        group.bench_function(id, |b| {
            b.iter(|| one_core.install(|| pipeline.build(shape.name(), vec![input.clone()], Vec::new())))
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
