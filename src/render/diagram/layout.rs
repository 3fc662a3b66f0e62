//! Geometry: the [`Scene`] as boxes and arrows at integer coordinates, in drawing order
//! (a container before what it holds, arrows last). Sizes come bottom-up (instance grid →
//! subnet → zone column → VPC → region), positions top-down; nothing depends on iteration
//! order other than the scene's own.
//!
//! Text is not measured (no fonts here): boxes have fixed widths and `svg` shortens a line to
//! [`chars_fitting`] characters. Does not belong here: SVG syntax and styling (`svg`).

use super::node::Node;
use super::scene::Scene;

pub(super) const MARGIN: u32 = 16;
const PAD: u32 = 12;
const GAP: u32 = 12;
/// A container's header: a bold line and a plain one.
pub(super) const HEAD: u32 = 44;
pub(super) const NODE_W: u32 = 200;
/// The security group's badge, wide enough for three port chips a row.
const BADGE_W: u32 = 2 * NODE_W + GAP;
/// A node's text: first baseline, then one line every `LINE`.
pub(super) const FIRST: u32 = 20;
pub(super) const LINE: u32 = 15;
pub(super) const CHIP_W: u32 = 112;
pub(super) const CHIP_H: u32 = 18;
pub(super) const CHIP_GAP: u32 = 6;
pub(super) const PILL_H: u32 = 22;
/// Instances a row inside a subnet.
const COLUMNS: usize = 3;
/// The space between routing nodes, for the arrow.
const ARROW: u32 = 48;
/// Between the routing row and the zones: where the subnets' route lines run.
const BUS: u32 = 28;
/// The width of an average character at the style's 12px, rounded up.
const CHAR_W: u32 = 7;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

pub(super) enum Shape<'a> {
    /// A container's frame: its header on top, its contents drawn after it.
    Frame(Rect, &'a Node),
    /// A node, with the pills (parts) drawn inside it.
    Node(Rect, &'a Node, &'a [Node]),
    /// A one-line node (a subnet's route table association).
    Pill(Rect, &'a Node),
    /// A polyline with an arrowhead at its last point.
    Arrow(Vec<(u32, u32)>),
}

pub(super) struct Drawing<'a> {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape<'a>>,
}

/// How many characters of 12px text fit on a line `width` wide (8 px padding each side).
pub(super) fn chars_fitting(width: u32) -> usize {
    (width.saturating_sub(16) / CHAR_W) as usize
}

/// How many characters of a chip's 11px text fit in it: `udp 60000-61000` does.
pub(super) const CHIP_CHARS: usize = ((CHIP_W - 12) / 6) as usize;

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Chips a row in a node `width` wide.
pub(super) fn chips_per_row(width: u32) -> usize {
    ((width - 16 + CHIP_GAP) / (CHIP_W + CHIP_GAP)).max(1) as usize
}

/// Where the chips start in a node at `rect` with `lines` lines under its first.
pub(super) fn below_lines(rect: Rect, lines: usize) -> u32 {
    rect.y + FIRST + LINE * count(lines) + 6
}

/// The `k`-th of `n` pills at the bottom of a card at `rect`.
pub(super) fn pill_rect(rect: Rect, k: usize, n: usize) -> Rect {
    Rect {
        x: rect.x + 8,
        y: rect.y + rect.h - count(n - k) * (PILL_H + 4),
        w: rect.w - 16,
        h: PILL_H,
    }
}

fn node_size(node: &Node) -> (u32, u32) {
    let w = if node.chips.len() <= chips_per_row(NODE_W) {
        NODE_W
    } else {
        BADGE_W
    };
    let chip_rows = count(node.chips.len().div_ceil(chips_per_row(w)));
    let h = FIRST + LINE * count(node.lines.len()) + 8 + chip_rows * (CHIP_H + CHIP_GAP);
    (w, h)
}

/// Nodes left to right, wrapping at `width`: their rects relative to (0, 0), and the height.
fn flow(nodes: &[Node], width: u32) -> (Vec<Rect>, u32) {
    let (mut x, mut y, mut row_h) = (0, 0, 0);
    let mut rects = Vec::with_capacity(nodes.len());
    for node in nodes {
        let (w, h) = node_size(node);
        if x > 0 && x + w > width {
            (x, y, row_h) = (0, y + row_h + GAP, 0);
        }
        rects.push(Rect { x, y, w, h });
        x += w + GAP;
        row_h = row_h.max(h);
    }
    (rects, if nodes.is_empty() { 0 } else { y + row_h })
}

fn shift(r: Rect, x: u32, y: u32) -> Rect {
    Rect {
        x: r.x + x,
        y: r.y + y,
        ..r
    }
}

/// The instance cards' size: one for all, from the tallest.
fn card_size(scene: &Scene) -> (u32, u32) {
    let instances = scene.zones.iter().flat_map(|z| &z.subnets).flat_map(|s| &s.instances);
    let (lines, parts) = instances.fold((0, 0), |(l, p), i| (l.max(i.node.lines.len()), p.max(i.parts.len())));
    let parts_h = count(parts) * (PILL_H + 4);
    (NODE_W, FIRST + LINE * count(lines) + 8 + parts_h)
}

/// A subnet's size: header, its parts in a row, its instances in a grid.
fn subnet_size(parts: usize, instances: usize, card: (u32, u32)) -> (u32, u32) {
    let cols = count(instances.clamp(1, COLUMNS));
    let rows = count(instances.div_ceil(COLUMNS));
    let grid_w = cols * card.0 + (cols - 1) * GAP;
    let parts_h = if parts == 0 { 0 } else { PILL_H + GAP };
    // Each row ends with a gap, the last one's being the subnet's padding.
    let grid_h = rows * (card.1 + GAP);
    (grid_w + 2 * PAD, HEAD + parts_h + grid_h)
}

pub(super) fn layout(scene: &Scene) -> Drawing<'_> {
    let card = card_size(scene);
    // Bottom-up: the zone columns.
    let zone_sizes: Vec<(u32, Vec<(u32, u32)>)> = scene
        .zones
        .iter()
        .map(|z| {
            let subnets: Vec<(u32, u32)> = z
                .subnets
                .iter()
                .map(|s| subnet_size(s.parts.len(), s.instances.len(), card))
                .collect();
            let w = subnets.iter().map(|s| s.0).max().unwrap_or(NODE_W) + 2 * PAD;
            (w, subnets)
        })
        .collect();
    let zone_h = zone_sizes
        .iter()
        .map(|(_, s)| HEAD + s.iter().map(|(_, h)| h + GAP).sum::<u32>().saturating_sub(GAP) + PAD)
        .max()
        .unwrap_or(0);
    let zones_w = zone_sizes.iter().map(|(w, _)| w + GAP).sum::<u32>().saturating_sub(GAP);
    let routing: Vec<&Node> = [&scene.gateway, &scene.route, &scene.route_table]
        .into_iter()
        .flatten()
        .collect();
    let routing_w = routing
        .iter()
        .map(|n| node_size(n).0 + ARROW)
        .sum::<u32>()
        .saturating_sub(ARROW);
    let routing_h = routing.iter().map(|n| node_size(n).1).max().unwrap_or(0);

    let inner = zones_w.max(routing_w).max(BADGE_W);
    let (inside, inside_h) = flow(&scene.inside, inner);
    let vpc_w = inner + 2 * PAD;
    let (outside, outside_h) = flow(&scene.outside, vpc_w);
    let band = |h: u32| if h == 0 { 0 } else { h + GAP };
    let vpc_h = HEAD + band(inside_h) + routing_h + BUS + zone_h + PAD;
    let region_w = vpc_w + 2 * PAD;
    let region_h = HEAD + band(outside_h) + vpc_h + PAD;

    // Top-down.
    let mut shapes = Vec::new();
    let region = Rect {
        x: MARGIN,
        y: MARGIN,
        w: region_w,
        h: region_h,
    };
    shapes.push(Shape::Frame(region, &scene.region));
    let (x, mut y) = (region.x + PAD, region.y + HEAD);
    for (node, r) in scene.outside.iter().zip(&outside) {
        shapes.push(Shape::Node(shift(*r, x, y), node, &[]));
    }
    y += band(outside_h);
    let vpc = Rect {
        x,
        y,
        w: vpc_w,
        h: vpc_h,
    };
    shapes.push(Shape::Frame(vpc, &scene.vpc));
    let (x, mut y) = (vpc.x + PAD, vpc.y + HEAD);
    for (node, r) in scene.inside.iter().zip(&inside) {
        shapes.push(Shape::Node(shift(*r, x, y), node, &[]));
    }
    y += band(inside_h);
    // The routing row, gateway first; arrows run from the route table to the gateway.
    let mut routing_rects = Vec::new();
    let mut rx = x;
    for node in &routing {
        let (w, h) = node_size(node);
        let r = Rect { x: rx, y, w, h };
        shapes.push(Shape::Node(r, node, &[]));
        routing_rects.push(r);
        rx += w + ARROW;
    }
    let mut arrows = Vec::new();
    for pair in routing_rects.windows(2) {
        let mid = pair[0].y + pair[0].h.min(pair[1].h) / 2;
        arrows.push(Shape::Arrow(vec![(pair[1].x, mid), (pair[0].x + pair[0].w, mid)]));
    }
    let bus = y + routing_h + BUS / 2;
    let table = scene.route_table.as_ref().and(routing_rects.last().copied());
    y += routing_h + BUS;
    // The zone columns and their subnets.
    let mut zx = x;
    for (zone, (zone_w, subnets)) in scene.zones.iter().zip(&zone_sizes) {
        shapes.push(Shape::Frame(
            Rect {
                x: zx,
                y,
                w: *zone_w,
                h: zone_h,
            },
            &zone.node,
        ));
        let mut sy = y + HEAD;
        for (subnet, (_, sh)) in zone.subnets.iter().zip(subnets) {
            let s = Rect {
                x: zx + PAD,
                y: sy,
                w: zone_w - 2 * PAD,
                h: *sh,
            };
            shapes.push(Shape::Frame(s, &subnet.node));
            let mut iy = s.y + HEAD;
            for (k, part) in subnet.parts.iter().enumerate() {
                let px = s.x + PAD + count(k) * (NODE_W + GAP);
                shapes.push(Shape::Pill(
                    Rect {
                        x: px,
                        y: iy,
                        w: NODE_W,
                        h: PILL_H,
                    },
                    part,
                ));
            }
            if !subnet.parts.is_empty() {
                iy += PILL_H + GAP;
            }
            for (k, instance) in subnet.instances.iter().enumerate() {
                let (col, row) = (count(k % COLUMNS), count(k / COLUMNS));
                let r = Rect {
                    x: s.x + PAD + col * (card.0 + GAP),
                    y: iy + row * (card.1 + GAP),
                    w: card.0,
                    h: card.1,
                };
                shapes.push(Shape::Node(r, &instance.node, &instance.parts));
            }
            if let Some(t) = table {
                // From the subnet's right-hand side, clear of the headers' text on the left.
                let (sx, tx) = (s.x + s.w - 24, t.x + t.w / 2);
                arrows.push(Shape::Arrow(vec![(sx, s.y), (sx, bus), (tx, bus), (tx, t.y + t.h)]));
            }
            sy += sh + GAP;
        }
        zx += zone_w + GAP;
    }
    shapes.extend(arrows);
    Drawing {
        width: region_w + 2 * MARGIN,
        height: region_h + 2 * MARGIN,
        shapes,
    }
}
