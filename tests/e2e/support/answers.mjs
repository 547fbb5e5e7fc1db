// Answer patterns shared by the end-to-end tests: item id → option id.

// A 16-year-old in Belgium, at school, above the 9 half-day limit, for whom
// school weighs.
export const STUDENT = {
  country: 'be', age: '16-17', situation: 'in_school', absences: '10-20', going: 'very_bad', stopping: 'often',
  meaning: 'a_little', adult: 'rarely', mocked: 'sometimes', threatened: 'never', online: 'never', lessons: 'hard',
  help_at_school: 'rarely', needs: 'no_needs', orientation: 'partly',
  mood: 'rather_good', stress: 'sometimes', sleep: 'often', confidence: 'a_lot', future: 'easy', autonomy: 'often',
  accepted: 'always', use: 'never', hurt: 'never',
  safe: 'always', tensions: 'rarely', care: 'never', illness: 'no_one', talk_home: 'often', quiet_homework: 'always',
  friends: 'always', money: 'always', transport: 'easy', help_nearby: 'neither',
};

// A 17-year-old who left school recently, in either country (the country
// question is answered apart).
export const LEFT_SCHOOL = {
  age: '16-17', situation: 'stopped_recently', why_stopped: 'felt_bad', training: 'maybe', already_talks: 'no',
  already_talks_fr: 'no', health: 'sometimes', housing: 'stable', papers: 'mostly', transport_out: 'neither',
  debts: 'no', phone: 'often', job_search: 'hard', parent: 'no',
  mood: 'neither', stress: 'often', sleep: 'sometimes', confidence: 'moderately', future: 'hard', autonomy: 'often',
  accepted: 'always', use: 'never', hurt: 'never', safe: 'always', tensions: 'sometimes', care: 'never',
  illness: 'no_one', friends: 'often', money: 'sometimes', help_nearby: 'hard', help_nearby_fr: 'hard',
};

// A parent in Belgium who reports violence at home.
export const FAMILY = {
  country: 'be', child_age: '12-15', child_situation: 'in_school', absences: 'none', reluctance: 'rarely',
  unwell: 'never', bullying_signs: 'never', school_contact: 'easy', needs: 'no_needs', orientation: 'their_choice',
  transport: 'easy', sleep: 'often', mood: 'sometimes', future: 'often', hurt_talk: 'never', withdrawal: 'rarely',
  friends: 'often', tensions: 'often', violence_home: 'often', time: 'rarely', school_place: 'a_little',
  responsibilities: 'a_lot', illness: 'no_one', support: 'never', money: 'often', asked_for_help: 'no_one',
};
