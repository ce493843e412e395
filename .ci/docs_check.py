"""Helpers for .ci/docs_check.

`python .ci/docs_check.py view OUTDIR NB.ipynb ...` writes OUTDIR/NB.ipynb: each nbdev `_proc/` notebook as Quarto shows
it to a reader (front matter as the title, `#| echo: false` inputs hidden, pandoc-only syntax dropped).
`python .ci/docs_check.py check HEIGHT PAGE.html ...` checks each rendered page for the plots and tables it must carry,
and trims the blank below the page off its screenshot PAGE.png, taken in a window HEIGHT pixels tall."""
import re, sys
from pathlib import Path

import nbformat, yaml
from bs4 import BeautifulSoup
from PIL import Image, ImageOps

def pandoc_free(md):
    "Drop `{...}` attributes after links and `:::` fence lines (callouts, divs), which plain Markdown shows as text."
    return re.sub(r'^:::.*\n?', '', re.sub(r'\]\(([^)]*)\)\{[^}]*\}', r'](\1)', md), flags=re.M)

def reader_view(nb):
    "The notebook `nb` as its Quarto page shows it."
    for i, cell in enumerate(nb.cells):
        cell.pop('has_sd', None)  # nbdev's mark on show_doc cells: not in the notebook schema
        if cell.cell_type == 'raw' and cell.source.startswith('---'):  # nbdev's front matter
            fm = yaml.safe_load(cell.source.strip().strip('-'))
            nb.metadata.title = fm.get('title', '')
            nb.cells[i] = nbformat.v4.new_markdown_cell(f"# {fm.get('title', '')}\n\n> {fm.get('description', '')}")
        elif cell.cell_type == 'markdown': cell.source = pandoc_free(cell.source)
        elif cell.cell_type == 'code':
            if re.search(r'^#\|\s*echo:\s*false\s*$', cell.source, re.M): cell.metadata.transient = {'remove_source': True}
            for out in cell.outputs:
                if 'text/markdown' in out.get('data', {}): out.data['text/markdown'] = pandoc_free(out.data['text/markdown'])
    return nb

# Each page's needs; a page not named here needs one plot.
NEEDS = {'index': dict(images=1, output_tables=2), '10_samplers': dict(images=5)}

def trim(shot, height):
    "Crop the screenshot below the page's content; return its height and a note if the page went on past the window."
    im = Image.open(shot)
    bottom = min(height, ImageOps.invert(im.convert('L')).getbbox()[3] + 40)
    im.crop((0, 0, im.width, bottom)).save(shot)
    return f"{bottom} px tall" + (f", CUT at the {height} px window" if bottom == height else '')

def check(html, height):
    "Print one summary line for the page at `html`; return what it lacks."
    soup, shot = BeautifulSoup(html.read_text(), 'html.parser'), html.with_suffix('.png')
    have = dict(images=len(soup.select('img[src^="data:image/png"]')), output_tables=len(soup.select('.jp-OutputArea table')))
    problems = [f'{have[k]} {k.replace("_", " ")}, needs at least {n}' for k, n in NEEDS.get(html.stem, dict(images=1)).items()
                if have[k] < n]
    if '#|' in ' '.join(t.get_text() for t in soup.select('.jp-InputArea')): problems.append('a `#|` directive shows in the code')
    print(f"{html.stem}: {have['images']} images, {len(soup.find_all('table'))} tables ({have['output_tables']} in outputs), "
          f"{html.stat().st_size} bytes, screenshot {shot} ({trim(shot, height)})"
          + ('  FAIL: ' + '; '.join(problems) if problems else ''))
    return problems

if __name__ == '__main__':
    if sys.argv[1] == 'view':
        for p in map(Path, sys.argv[3:]):
            nbformat.write(reader_view(nbformat.read(p, as_version=4, capture_validation_error={})), Path(sys.argv[2])/p.name)
    else:
        failed = [p.stem for p in map(Path, sys.argv[3:]) if check(p, int(sys.argv[2]))]
        if failed: sys.exit(f"docs_check: {len(failed)} page(s) lack what a reader needs: {', '.join(failed)}")
