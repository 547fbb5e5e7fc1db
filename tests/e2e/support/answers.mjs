// Answer patterns shared by the end-to-end tests: item id → option id.

// A 16-year-old in school, above the 9 half-day limit, for whom school weighs.
export const STUDENT = {
  age: '16-17', situation: 'in_school', absences: '10-20', late: 'often', going: 'very_bad', stopping: 'often',
  meaning: 'a_little', adult: 'rarely', class: 'rarely', bullying: 'sometimes', lessons: 'hard', help_at_school: 'rarely',
  mood: 'rather_good', stress: 'sometimes', sleep: 'often', self: 'a_lot', future: 'easy', substances: 'never', hurt: 'never',
  safe: 'always', tensions: 'rarely', talk_home: 'often', care: 'never', quiet_place: 'always',
  friends: 'always', transport: 'easy', money: 'always', help_nearby: 'neither',
};
