use annals::pipeline::Pipeline;
use std::time::Instant;
fn main() {
    let mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let inputs = annals::synth::corpus(mb << 20, 40_000, 7);
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let p = Pipeline::bundled();
    let t = Instant::now();
    let (c, f) = p.build("synth", inputs, vec![]);
    let s = t.elapsed().as_secs_f64();
    println!("{} MB in {s:.2}s = {:.1} MB/s; {} sources {} claims {} events {} entities {} failures", bytes >> 20, bytes as f64 / 1e6 / s, c.sources.len(), c.claims.len(), c.events.len(), c.entities.len(), f.len());
}
