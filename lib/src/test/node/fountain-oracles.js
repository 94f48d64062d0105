// Reads Fountain files with two independent parsers from npm, fountain-js and afterwriting's
// aw-parser, and prints, as one JSON object, each parser's version and, per file, the elements the
// differential test compares (scene headings, character cues, parentheticals, dialogue,
// transitions), in source order, as "KIND:text" strings. Used by FountainDifferentialTest; the
// packages come from the folder on NODE_PATH (submit-scripts/test-tools.sh installs them).
//   node fountain-oracles.js FILE...
'use strict';
const fs = require('fs');
const { Fountain } = require('fountain-js');
const aw = require('aw-parser');

// afterwriting's own defaults for what the parser keeps (its settings model), notes left out.
const AW_CONFIG = {
    print_headers: true, print_actions: true, print_dialogues: true, print_notes: false,
    print_sections: false, print_synopsis: false, each_scene_on_new_page: false,
    double_space_between_scenes: false, use_dual_dialogue: true, merge_multiple_empty_lines: true
};

function fountainJs(text) {
    const out = [];
    let dual = false;
    for (const t of new Fountain().parse(text, true).tokens) {
        switch (t.type) {
            case 'scene_heading':
                out.push('HEADING:' + t.text + (t.scene_number ? ' #' + t.scene_number + '#' : ''));
                break;
            case 'dialogue_begin':
                dual = t.dual === 'left' || t.dual === 'right';
                break;
            case 'character':
                out.push('CUE:' + t.text.replace(/^@/, '').trim() + (dual ? ' ^' : ''));
                break;
            case 'parenthetical':
                out.push('PAREN:' + t.text);
                break;
            case 'dialogue':
                out.push('DIALOGUE:' + t.text);
                break;
            case 'transition':
                out.push('TRANSITION:' + t.text);
                break;
            default:
                break;
        }
    }
    return out;
}

function afterwriting(text) {
    const out = [];
    let last = null;
    for (const t of aw.parser.parse(text, AW_CONFIG).tokens) {
        switch (t.type) {
            case 'scene_heading':
                out.push('HEADING:' + t.text.trim() + (typeof t.number === 'string' ? ' #' + t.number + '#' : ''));
                break;
            case 'character':
                out.push('CUE:' + t.text + (t.dual ? ' ^' : ''));
                break;
            case 'parenthetical':
                out.push('PAREN:' + t.text);
                break;
            case 'dialogue':
                // aw-parser gives one token per line of a speech; a speech is one element here.
                if (last === 'dialogue') {
                    out[out.length - 1] += '\n' + t.text;
                } else {
                    out.push('DIALOGUE:' + t.text);
                }
                break;
            case 'transition':
                out.push('TRANSITION:' + t.text);
                break;
            default:
                break;
        }
        last = t.type;
    }
    return out;
}

// A parser that throws gives one ERROR event, which never matches ours.
function guarded(parse, text) {
    try {
        return parse(text);
    } catch (e) {
        return ['ERROR:' + String(e && e.message || e).split('\n')[0]];
    }
}

const result = {
    versions: {
        'fountain-js': require('fountain-js/package.json').version,
        'afterwriting': require('afterwriting/package.json').version,
        'aw-parser': require('aw-parser/package.json').version
    },
    files: {}
};
for (const file of process.argv.slice(2)) {
    const text = fs.readFileSync(file, 'utf8');
    result.files[file] = { 'fountain-js': guarded(fountainJs, text), 'afterwriting': guarded(afterwriting, text) };
}
process.stdout.write(JSON.stringify(result));
