// Click a header to sort by it (numbers by their data-v key, text otherwise); click again to reverse.
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('thead th').forEach(function(th,i){
  th.addEventListener('click',function(){
   var asc=!th.classList.contains('asc');
   t.querySelectorAll('thead th').forEach(function(x){x.classList.remove('asc','desc');});
   th.classList.add(asc?'asc':'desc');
   var num=th.getAttribute('data-type')==='n';var b=t.tBodies[0];
   var rows=Array.prototype.slice.call(b.rows);
   rows.sort(function(r1,r2){var a=r1.cells[i],c=r2.cells[i];
    if(num){var x=parseFloat(a.getAttribute('data-v')),y=parseFloat(c.getAttribute('data-v'));
     if(isNaN(x))x=Infinity;if(isNaN(y))y=Infinity;return asc?x-y:y-x;}
    var s=a.textContent.localeCompare(c.textContent);return asc?s:-s;});
   rows.forEach(function(r){b.appendChild(r);});
  });
 });
});
