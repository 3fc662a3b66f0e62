fn main() {
    let stack = nixform::model::validate(&nixform::model::Document::default()).expect("valid");
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let t = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..n {
        total += std::hint::black_box(nixform::render::render_all(std::hint::black_box(&stack)))
            .map(|f| f.config_tf_json.len())
            .unwrap_or(0);
    }
    eprintln!("{:.2} us/render ({total})", t.elapsed().as_secs_f64() * 1e6 / n as f64);
}
