// What a teacher and students do in the class survey, shared by its tests.

/** Answers every question on screen by option position (`pick(i)` for the i-th question), then finishes. */
export async function answerAll(app, pick) {
  await app.page.getByTestId('start').click();
  for (let i = 0; i < 40; i += 1) {
    const question = app.page.getByTestId('question');
    if (!(await question.count())) return i;
    const item = await question.getAttribute('data-item');
    await app.page.locator('.question input[type=radio]').nth(pick(i)).check();
    await app.page.getByTestId('next').click();
    await app.page.waitForFunction((previous) => {
      const q = document.querySelector('[data-testid=question]');
      return !q || q.dataset.item !== previous;
    }, item);
  }
  throw new Error('the survey never ended');
}

/** Everything the app keeps, in both storages. */
export async function stored(app) {
  return app.page.evaluate(() =>
    Object.fromEntries(
      [sessionStorage, localStorage].flatMap((s) => Object.entries(s)).filter(([k]) => k.startsWith('amarre.')),
    ),
  );
}

export async function openSession(app, name, mode) {
  await app.page.getByTestId('session-name').fill(name);
  await app.page.locator(`input[name=mode][value=${mode}]`).check();
  await app.page.getByTestId('open-session').click();
  await app.page.getByTestId('session-name').filter({ hasText: name }).waitFor();
}

export async function answerCount(app) {
  return app.page.getByTestId('answer-count').textContent();
}
