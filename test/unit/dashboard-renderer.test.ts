import { strict as assert } from 'node:assert';
import * as render from '../../src/features/dashboard/render';
import { RendererLoader, rendererMissingHtml } from '../../src/features/dashboard/renderer';

describe('dashboard renderer loading', () => {
  it('loads the renderer once', () => {
    let loads = 0;
    const loader = new RendererLoader(() => {
      loads++;
      return render;
    });
    assert.deepEqual(loader.get(), { renderer: render });
    assert.deepEqual(loader.get(), { renderer: render });
    assert.equal(loads, 1);
  });

  it('remembers a failed load (a broken install): no second attempt, and only the first is a new failure', () => {
    let loads = 0;
    const broken = new Error("Cannot find module './dashboard-render.js'");
    const loader = new RendererLoader(() => {
      loads++;
      throw broken;
    });
    assert.deepEqual(loader.get(), { error: broken, firstFailure: true });
    assert.deepEqual(loader.get(), { error: broken, firstFailure: false });
    assert.deepEqual(loader.get(), { error: broken, firstFailure: false });
    assert.equal(loads, 1);
  });

  it('says in the panel what to do, with the reason escaped', () => {
    const html = rendererMissingHtml(new Error('Cannot find <module> "x"'));
    assert.match(html, /role="alert"/);
    assert.match(html, /Reinstall the extension, then reload the window\./);
    assert.ok(html.includes('Reason: Cannot find &lt;module&gt; &quot;x&quot;'), html);
  });
});
