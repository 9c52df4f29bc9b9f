document.getElementById('app')!.textContent = 'i-Speed';
