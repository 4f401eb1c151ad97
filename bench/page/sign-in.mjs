// Signs a page in through the sign-in form, as a user would, and waits until it has left the form.
export async function signIn(page, url, user, password) {
  await page.goto(`${url}/account/login`);
  await page.fill('#userName', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(u => !u.pathname.startsWith('/account/login')), page.click('button[type=submit]')]);
}
