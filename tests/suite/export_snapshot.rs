//! The bundled corpus's `annals/1` export, as a reviewed snapshot.

use crate::common;

#[test]
fn bundled_export() {
    let value = annals::export::json::to_value(&common::bundled());
    insta::assert_json_snapshot!("bundled_export", value);
}
