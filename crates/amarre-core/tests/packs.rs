//! The language packs give back exactly the texts the whole content has:
//! the young people's app baked as the build bakes it, its packs
//! installed (French's easy-read texts among them), every UI text and
//! every questionnaire text, usual and easy-read, compared with the
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
    assert_eq!(
        baked.packs.len(),
        languages,
        "French's easy-read texts, then each other language"
    );
    assert_eq!(split.packs.len(), languages);
    // Before its pack is there, a language reads French, never a key, and
    // an easy-read text its usual wording.
    assert_eq!(split.catalog.text(1, "nav.home"), whole.catalog.text(0, "nav.home"));
    assert_eq!(
        split.catalog.text_easy(0, "r.not_diagnosis.student", true),
        whole.catalog.text(0, "r.not_diagnosis.student")
    );
    let question = &split.questionnaires[0].items[0].question;
    assert_eq!(
        question.get(0, true),
        whole.questionnaires[0].items[0].question.get(0, false)
    );
    for (position, (name, bytes)) in baked.packs.iter().enumerate() {
        assert_eq!(&split.packs[position], name, "the content names its packs");
        let code = &whole.catalog.languages().all()[position].code;
        let what = if position == 0 { "-easy" } else { "" };
        assert!(name.starts_with(&format!("young-{code}{what}-")) && name.ends_with(".pack"));
        let pack: Pack = postcard::from_bytes(bytes).expect("a pack decodes");
        assert!(pack::install(position, pack));
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
            assert_eq!(a.title.get(language, true), b.title.get(language, true));
            assert_eq!(a.intro.get(language, true), b.intro.get(language, true));
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
    assert!(!pack::install(0, Pack::default()), "a pack installs once");
    assert!(!pack::install(pack::MAX_LANGUAGES, Pack::default()), "no such position");
}
