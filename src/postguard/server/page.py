"""The staff review page served at `/`: one self-contained HTML page, no external assets.

Staff paste a draft and attach photos; the page posts them to /v1/redact and shows the
verdict, the text with findings highlighted, the suggestions, and the redacted text and
photos. Post text is only ever put into the page with `textContent`, never as HTML.
"""

from __future__ import annotations

PAGE_CSP = ("default-src 'none'; connect-src 'self'; img-src data: blob:; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; form-action 'none'; "
            "base-uri 'none'; frame-ancestors 'none'")

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>postguard: check a draft</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f4f1;color:#1b1b1b}
main{max-width:900px;margin:0 auto;padding:12px 16px}
h1{font-size:22px}
textarea{width:100%;min-height:140px;font:inherit;padding:8px;box-sizing:border-box}
.row{margin:8px 0}
button{font:inherit;padding:6px 18px}
#result{margin-top:16px}
.card{background:#fff;border:1px solid #ddd;border-radius:4px;padding:10px 14px;margin:10px 0}
.verdict{display:inline-block;padding:2px 10px;border-radius:3px;color:#fff;font-weight:600}
.verdict.allow{background:#2e7d32}.verdict.review{background:#b28704}
.verdict.block{background:#c62828}
.escalate{background:#fde7e7;border:1px solid #c62828;padding:4px 8px;margin:6px 0 0}
.text{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;padding:8px}
mark{background:#ffe08a;border-bottom:2px solid #b28704}
mark.block{background:#ffcdd2;border-bottom-color:#c62828}
mark sup{font-size:10px}
img{max-width:100%;max-height:360px;border:1px solid #ccc;margin:4px 6px 0 0}
.error{color:#8a1c1c}
.code{font-family:ui-monospace,monospace}
</style>
</head>
<body>
<main>
<h1>Check a draft before it is published</h1>
<form id="draft">
<div class="row"><label for="text">Draft text</label><br>
<textarea id="text" name="text" placeholder="Paste the post here"></textarea></div>
<div class="row"><label for="images">Photos</label>
<input id="images" name="images" type="file" accept="image/*" multiple></div>
<div class="row"><label for="audience">Audience</label>
<select id="audience"><option value="">not set</option><option>children</option>
<option>parents</option><option>public</option></select>
<label for="account">Account</label>
<select id="account"><option value="organisation">organisation</option>
<option value="personal">personal</option></select>
<label for="scheduled">Scheduled</label><input id="scheduled" type="datetime-local"></div>
<button id="check" type="submit">Check</button> <span id="status" role="status"></span>
</form>
<div id="result" aria-live="polite"></div>
</main>
<script>
(function(){
  var form=document.getElementById('draft'),result=document.getElementById('result'),
      status=document.getElementById('status');
  /* where a finding is, for people: image 1 for the first photo (source image:0) */
  function where(src){var m=/^image:(\\d+)$/.exec(src||'');
    return m?'image '+(parseInt(m[1],10)+1):src;}
  function el(tag,cls,text){var e=document.createElement(tag);if(cls){e.className=cls;}
    if(text!==undefined&&text!==null){e.textContent=String(text);}return e;}
  function highlighted(text,findings){
    var box=el('div','text'),spans=[];
    findings.forEach(function(f,i){if(f.source==='text'&&f.start!==null&&f.end!==null){
      spans.push({s:f.start,e:f.end,n:[i+1],a:f.action,t:f.code+' '+f.category+': '+f.message});}});
    spans.sort(function(x,y){return x.s-y.s||y.e-x.e;});
    var merged=[];
    spans.forEach(function(sp){var m=merged[merged.length-1];
      if(m&&sp.s<m.e){m.e=Math.max(m.e,sp.e);m.n=m.n.concat(sp.n);m.t+='; '+sp.t;
        if(sp.a==='block'){m.a='block';}}else{merged.push(sp);}});
    /* offsets are code points of Python str indices: index by code point */
    var cps=Array.from(text),pos=0;
    merged.forEach(function(m){
      if(m.s>pos){box.appendChild(document.createTextNode(cps.slice(pos,m.s).join('')));}
      var mk=el('mark',m.a==='block'?'block':'review',cps.slice(m.s,m.e).join(''));
      mk.title=m.t;mk.appendChild(el('sup',null,m.n.join(',')));box.appendChild(mk);pos=m.e;});
    if(pos<cps.length){box.appendChild(document.createTextNode(cps.slice(pos).join('')));}
    return box;}
  function show(data,text){
    var r=data.report;result.textContent='';
    var head=el('div','card');
    head.appendChild(el('span','verdict '+r.verdict,r.verdict.toUpperCase()));
    head.appendChild(document.createTextNode(' '+r.findings.length+' finding(s)'));
    if(r.escalate){var esc=el('p','escalate','Escalate to the designated safeguarding lead now: '
      +r.escalation);head.appendChild(esc);}
    result.appendChild(head);
    if(text){var c=el('div','card');c.appendChild(el('h2',null,'Your draft'));
      c.appendChild(highlighted(text,r.findings));result.appendChild(c);}
    if(r.findings.length){var fc=el('div','card');fc.appendChild(el('h2',null,'Findings'));
      var ol=el('ol','findings');
      r.findings.forEach(function(f){var li=el('li');li.dataset.category=f.category;
        li.appendChild(el('span','code',f.code+' '));li.appendChild(el('b',null,f.category));
        li.appendChild(document.createTextNode(' ('+f.action+', '+where(f.source)+'): '
          +f.message));
        if(f.suggestion){var s=' \\u2014 suggest '+f.suggestion.action;
          if(f.suggestion.replacement){s+=' \\u2192 '+f.suggestion.replacement;}
          li.appendChild(el('i','suggestion',s));}
        ol.appendChild(li);});
      fc.appendChild(ol);result.appendChild(fc);}
    (r.errors||[]).forEach(function(e){
      result.appendChild(el('p','error',where(e.source)+': '+e.message));});
    var rc=el('div','card');rc.appendChild(el('h2',null,'Redacted preview'));
    rc.appendChild(el('div','text redacted',data.redacted_text));
    (data.images||[]).forEach(function(im){
      if(im.data){var img=el('img');img.alt='redacted photo '+(im.index+1);
        img.src='data:'+im.content_type+';base64,'+im.data;rc.appendChild(img);}
      else{rc.appendChild(el('p','error','photo '+(im.index+1)+': '+im.error));}});
    result.appendChild(rc);}
  form.addEventListener('submit',function(ev){
    ev.preventDefault();
    var text=document.getElementById('text').value,fd=new FormData(),meta={};
    /* a file part keeps the text byte for byte (a plain field turns \\n into \\r\\n), so
       the offsets of the findings match the text shown */
    fd.append('text',new Blob([text],{type:'text/plain;charset=utf-8'}),'draft.txt');
    Array.prototype.forEach.call(document.getElementById('images').files,
      function(f){fd.append('images',f,f.name);});
    var aud=document.getElementById('audience').value;if(aud){meta.audience=aud;}
    meta.account=document.getElementById('account').value;
    var when=document.getElementById('scheduled').value;
    if(when){var d=new Date(when);meta.scheduled_at=d.toISOString();}
    fd.append('metadata',JSON.stringify(meta));
    status.textContent='checking\\u2026';
    fetch('v1/redact',{method:'POST',body:fd}).then(function(resp){
      return resp.json().then(function(data){return {ok:resp.ok,data:data};});
    }).then(function(r){
      if(!r.ok){status.textContent='';result.textContent='';
        result.appendChild(el('p','error',r.data.error?r.data.error.message:'error'));return;}
      status.textContent='done';show(r.data,text);
    }).catch(function(){status.textContent='';result.textContent='';
      result.appendChild(el('p','error','the service did not answer'));});
  });
})();
</script>
</body>
</html>
"""
