//! The language packs give back exactly the texts the whole content has:
//! the young people's app baked as the build bakes it, its packs
//! installed, every UI text and every questionnaire text compared with the
//! content read whole. (One test per process: packs install once.)

use amarre_core::pack::{self, Pack};
use amarre_core::shipped::{App, Content};

#[test]
fn a_baked_app_with_its_packs_reads_like_the_whole_content() {
    let whole = Content::load_for(App::Young).expect("the shipped data is valid");
    let baked = Content::load_for(App::Young).unwrap().bake("young").unwrap();
    let split: Content = postcard::from_bytes(&baked.content).expect("the baked content decodes");
    let languages = whole.catalog.languages().all().len();
    assert!(languages >= 2, "French and at least one other language");
    assert_eq!(baked.packs.len(), languages - 1);
    assert_eq!(split.packs.len(), languages);
    for (n, (name, bytes)) in baked.packs.iter().enumerate() {
        assert_eq!(&split.packs[n + 1], name, "the content names its packs");
        let code = &whole.catalog.languages().all()[n + 1].code;
        assert!(name.starts_with(&format!("young-{code}-")) && name.ends_with(".pack"));
        // Before its pack is there, a language reads French, never a key.
        assert_eq!(split.catalog.text(n + 1, "nav.home"), whole.catalog.text(0, "nav.home"));
        let pack: Pack = postcard::from_bytes(bytes).expect("a pack decodes");
        assert!(pack::install(n + 1, pack));
    }
    // The wasm holds French only: much less than the whole.
    assert!(baked.content.len() < postcard::to_allocvec(&whole).unwrap().len() * 3 / 4);
    for language in 0..languages {
        for key in whole.catalog.keys() {
            assert_eq!(
                split.catalog.text(language, key),
                whole.catalog.text(language, key),
                "{key}"
            );
        }
        for (a, b) in whole.questionnaires.iter().zip(&split.questionnaires) {
            assert_eq!(a.title.get(language, false), b.title.get(language, false));
            for (x, y) in a.items.iter().zip(&b.items) {
                for easy in [false, true] {
                    assert_eq!(
                        x.question.get(language, easy),
                        y.question.get(language, easy),
                        "{}",
                        x.id
                    );
                    for (o, p) in x.options.iter().zip(&y.options) {
                        assert_eq!(o.label.get(language, easy), p.label.get(language, easy));
                    }
                }
            }
        }
    }
    assert!(!pack::install(0, Pack::default()), "French has no pack");
    assert!(!pack::install(1, Pack::default()), "a pack installs once");
}
