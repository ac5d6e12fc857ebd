//! The floor for process start: prints a line and exits.
fn main() {
    println!("hello, world");
}
