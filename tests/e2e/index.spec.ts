import { test, expect } from './fixtures';

test.describe('index page', () => {
  test('lists the upload recipe with its icon, summary and tags', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
    const item = page.locator('.recipe-grid-item[data-slug="upload-media"]');
    await expect(item).toBeVisible();
    const link = item.getByRole('link', { name: 'Uploading Media Files' });
    await expect(link).toHaveAttribute('href', '/recipes/upload-media');
    await expect(item.locator('svg[data-icon="upload"]')).toHaveCount(1);
    await expect(item).toContainText('Upload a video, image or audio asset');
    await expect(item.locator('.tag')).toHaveText(['uploadToken', 'media']);
    await expect(item.locator('.recipe-card-meta')).toHaveText('4 steps');
    // The broken test fixture recipe is never listed (it is not in recipes/).
    await expect(page.locator('.recipe-grid-item[data-slug="broken-recipe"]')).toHaveCount(0);

    await link.click();
    await expect(page).toHaveURL(/\/recipes\/upload-media$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Uploading Media Files' })).toBeVisible();
  });

  test('the search box filters by title, summary and tag as you type', async ({ page }) => {
    await page.goto('/');
    const search = page.getByRole('searchbox', { name: 'Search recipes' });
    const item = page.locator('.recipe-grid-item[data-slug="upload-media"]');
    await expect(item).toBeVisible();

    await search.pressSequentially('zebracorn');
    await expect(item).toHaveCount(0);
    await expect(page.getByText(/No recipe matches/)).toBeVisible();
    await expect(page).toHaveURL(/\?q=zebracorn$/);

    await search.fill('');
    await search.pressSequentially('uploadtoken'); // a tag, matched case-insensitively
    await expect(item).toBeVisible();

    await search.fill('transcoding'); // a word of the summary
    await expect(item).toBeVisible();

    await search.fill('media uploading'); // every word must match, in any order
    await expect(item).toBeVisible();

    await search.fill('media zebracorn');
    await expect(item).toHaveCount(0);

    // A filtered list survives a reload (the query is in the URL).
    await page.reload();
    await expect(search).toHaveValue('media zebracorn');
    await expect(item).toHaveCount(0);
    await search.fill('');
    await expect(item).toBeVisible();
  });

  test('keyboard: the skip link comes first and moves to the content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    // The focus ring is visible (an outline, not just the browser default being removed).
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });

  test('an unknown page gets the 404 page', async ({ page, watch }) => {
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all recipes' })).toHaveAttribute('href', '/');
    // Chromium logs the page's own 404 status as a console error: expected here, and only that.
    expect(watch.consoleErrors).toEqual([expect.stringContaining('status of 404')]);
    watch.consoleErrors.length = 0;
  });
});
