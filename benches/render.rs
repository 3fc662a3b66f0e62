//! Native speed of the core: validate + render (all four files), for the default stack and a
//! large one (50 instances, 20 rules). `scripts/bench.sh` reads the estimates Criterion saves.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use nixform::model::{presets, validate, Document};
use nixform::render::{highlight, render_all};

fn benches(c: &mut Criterion) {
    let default = Document::default();
    let large = presets::large();
    let default_stack = validate(&default).expect("valid");
    let large_stack = validate(&large).expect("valid");

    c.bench_function("render/default", |b| b.iter(|| render_all(black_box(&default_stack))));
    c.bench_function("validate/default", |b| b.iter(|| validate(black_box(&default))));
    c.bench_function("validate+render/default", |b| {
        b.iter(|| validate(black_box(&default)).map(|s| render_all(&s)))
    });
    c.bench_function("validate+render/large", |b| {
        b.iter(|| validate(black_box(&large)).map(|s| render_all(&s)))
    });
    let files = render_all(&default_stack).expect("renders");
    c.bench_function("highlight/infra.nix", |b| {
        b.iter(|| highlight::highlight(black_box(&files.infra_nix), highlight::Lang::Nix))
    });
    c.bench_function("render/large", |b| b.iter(|| render_all(black_box(&large_stack))));
}

criterion_group! {
    name = group;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2)).sample_size(50);
    targets = benches
}

fn parts(c: &mut Criterion) {
    use nixform::render::{files, terraform};
    let stack = validate(&Document::default()).expect("valid");
    let value = terraform::lower(&stack, &[]).to_value().expect("a JSON value");
    c.bench_function("part/lower", |b| b.iter(|| terraform::lower(black_box(&stack), &[])));
    c.bench_function("part/to_value", |b| {
        b.iter(|| terraform::lower(black_box(&stack), &[]).to_value())
    });
    c.bench_function("part/json", |b| b.iter(|| files::config_tf_json(black_box(&value))));
    c.bench_function("part/infra_nix", |b| {
        b.iter(|| files::infra_nix(black_box(&stack), black_box(&value)))
    });
    c.bench_function("part/flake+configuration", |b| {
        b.iter(|| {
            (
                files::flake_nix(black_box(&stack)),
                files::provisioner_nix(black_box(&stack)),
            )
        })
    });
}

criterion_group! {
    name = parts_group;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(300)).measurement_time(std::time::Duration::from_secs(1)).sample_size(30);
    targets = parts
}
criterion_main!(group, parts_group);
